"""Text as strings: normalising characters, web furniture, sentences with offsets, words."""
