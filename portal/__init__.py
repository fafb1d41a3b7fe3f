"""The server-rendered portal for staff, managers and personnel officers."""
