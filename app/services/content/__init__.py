"""The official-account content calendar: editions and their articles (editions), images uploaded through the
material API (images), the mass-send quota (quota), the minute publisher (publisher, jobs), the callback's
events (events), campaign plans (plans), the month view (calendar) and points-activity articles (generate)."""
