"""WeCom community: callbacks recorded and processed into the customer <-> guide <-> member graph, and
points for the relationships and interactions (through the one `award()`)."""
