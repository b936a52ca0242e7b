package dev.emailconnectors.reliability;

import dev.emailconnectors.EmailConnector;
import dev.emailconnectors.SendResult;
import dev.failsafe.CircuitBreaker;

/**
 * One member of a failover connector, with its circuit breaker.
 *
 * @param index its position in the list, from 0
 * @param name its name in results and logs
 * @param connector the member connector
 * @param breaker its circuit breaker
 */
record Member(int index, String name, EmailConnector connector, CircuitBreaker<SendResult> breaker) {}
