"""Operations tests: backups, restore, transfer, deploy checks, headers, logs, retention."""
