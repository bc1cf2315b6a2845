"""Pages of the meeting cycle, one module per part: meetings, items, minutes, follow-up, matters."""
