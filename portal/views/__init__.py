"""Views of the portal, one module per area: accounts, records, evaluations, tasks, units and cycles."""
