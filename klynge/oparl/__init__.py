"""The OParl 1.1 read API at /oparl/v1/: the public record in the council-information standard."""
