/**
 * The nodes of one deployment behind a load balancer: each node's identity and its row in {@code
 * cluster_nodes}, the readiness a load balancer asks for, the administrators' page of nodes, and
 * the scheduled work that runs once across the nodes.
 */
@ApplicationModule(
    displayName = "Nodes",
    allowedDependencies = {"content :: catalog", "media", "search"})
package org.banyan.node;

import org.springframework.modulith.ApplicationModule;
