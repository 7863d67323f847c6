"""Data-subject requests (GDPR Arts. 15-22): intake, confirmation, deadlines, status."""
