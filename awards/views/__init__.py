"""Pages of the commendation area, one module per concept (rules, nominations, council,
decisions, history); `awards/urls.py` names each view by its module. Thin: parse, call a service
or selector, render. Objects are fetched from querysets scoped to the user's units
(`awards/views/common.py`), so other units' ids answer 404."""
