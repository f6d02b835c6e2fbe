"""The business lens: demand weighted by money, the sales picture, win/loss, competition."""
