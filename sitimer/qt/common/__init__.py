"""What every window shares: start-up, style, translator, screen placing, digits, printing, dose wording."""
