"""The pure core of the Leg Muscle Explorer: typed functions of values, no Streamlit."""

__version__ = "0.1.0"
