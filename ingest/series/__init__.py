"""Metric series: figures that measure the same thing at meetings of one body, over time,
and the target each is measured against.

``labels`` reduces a figure's label to the words of what it measures, ``match`` decides
the series and their targets (pure, so the same figures always give the same series),
``link`` reads a body's figures and writes its series inside an ingest's transaction.
"""
