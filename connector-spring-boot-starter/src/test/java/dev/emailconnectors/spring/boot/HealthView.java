package dev.emailconnectors.spring.boot;

import java.util.Map;

/**
 * What a health indicator reported, whichever Spring Boot line's types it used.
 *
 * @param status the status code, {@code UP} or {@code DOWN}
 * @param details the details
 */
record HealthView(String status, Map<String, Object> details) {}
