"""Marketer/admin API (/admin/v1): configuration, support and metrics."""
