"""The exit statuses of every command (README: Exit status), apart so that `claimcheck --version` loads nothing else."""

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_BUG = 0, 1, 2, 3
