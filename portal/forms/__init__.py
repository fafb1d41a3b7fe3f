"""Forms of the portal: sign-in and accounts, and the steps of an evaluation."""
