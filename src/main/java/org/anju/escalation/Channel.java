package org.anju.escalation;

/** How a notification travels. The log always gets it; mail and webhook when they are configured. */
public enum Channel { LOG, EMAIL, WEBHOOK }
