from marsad.memo import Memo


def test_memo_computes_each_key_once():
    calls = []

    def fn(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = Memo(fn)
    assert [memo[w] for w in ("سوريا", "حلب", "سوريا")] == [5, 3, 5]
    assert calls == ["سوريا", "حلب"]


def test_memo_is_bounded():
    memo = Memo(str.upper, maxsize=2)
    for w in ("a", "b", "c"):
        memo[w]
    assert len(memo) <= 2 and memo["c"] == "C"
