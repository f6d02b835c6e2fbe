"""What Tradeoff renders for people: charts now, briefs later."""
