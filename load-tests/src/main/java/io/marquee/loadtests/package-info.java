/**
 * The load suite: Gatling simulations and small drivers that load a running Marquee over HTTP only
 * (a black box), the baselines they are compared with in the same run, and the report writer.
 * {@code load-tests/bench.sh} runs the whole suite; {@code LoadSuiteSmokeIT} a tiny version of it.
 */
package io.marquee.loadtests;
