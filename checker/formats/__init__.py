"""The result in each format it leaves the program in: text, JSON, JUnit, SARIF, GitHub, ClaimReview, baseline."""
