"""Running the app as production does: the local cluster (make cluster) and its failover test."""
