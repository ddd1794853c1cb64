"""marsad.scale"""
