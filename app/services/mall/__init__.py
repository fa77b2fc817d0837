"""The points mall: rewards, redemptions and the lottery (`lottery/`)."""
