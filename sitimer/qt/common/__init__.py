"""What every window shares: the style, the translator, large digits, printing, dose wording."""
