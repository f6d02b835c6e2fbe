"""Reading evidence text as the theme engine needs it: the message, not its wrapping."""
