"""Views of a built graph: networkx projection, offline HTML (network, timeline, map), images, exports."""
