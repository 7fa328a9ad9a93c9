"""Performance tools run by hand: `make bench` (bench/run.py) and `make load` (bench/load.py).

Neither is part of the test suite. Both serve the app with gunicorn on a free loopback port
and drive it from loopback only; see README, "Benchmark" and "Load test".
"""
