"""marsad.actors"""
