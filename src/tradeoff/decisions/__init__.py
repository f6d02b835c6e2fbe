"""Problems, opportunities on three dimensions, rankings with their fragility, and the
decision log: the judgement layer that sits on the evidence and the business lens."""
