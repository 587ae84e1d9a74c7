"""Date and number formats (settings.FORMAT_MODULE_PATH): the system is Vietnamese, so inputs and pages
read and show dd/mm/yyyy, a decimal comma and a thousands dot in both languages; English changes the
words, not the numbers. Django's own modules give what these leave out."""
