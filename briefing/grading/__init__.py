"""Grading: judging what a person typed as a careful examiner would."""
