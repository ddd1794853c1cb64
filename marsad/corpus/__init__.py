"""marsad.corpus"""
