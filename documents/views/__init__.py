"""Pages of the document registry, by concept: the registry itself (list, drafts, bases,
recipients, attachments, issuing, downloads), the cascade (board, acknowledgements,
reminders, implementing plans) and reading existing documents."""
