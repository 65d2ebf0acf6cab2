"""What sitimer says, in Dutch and English, without Qt: spoken phrases and the words of a session."""
