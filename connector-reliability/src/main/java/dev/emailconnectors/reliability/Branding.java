package dev.emailconnectors.reliability;

/** Logos of the reliability connectors, as data URLs so that nothing is fetched. */
final class Branding {
    static final String FAILOVER_LOGO = "data:image/svg+xml;base64,"
            + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHJlY3Qgd2lkdGg9IjI0Ii"
            + "BoZWlnaHQ9IjI0IiByeD0iNCIgZmlsbD0iIzJmNmY0ZiIvPjxwYXRoIGQ9Ik01IDhoMTBsLTMtM00xOSAxNkg5bDMgMyIgc3Ryb2tl"
            + "PSIjZmZmIiBzdHJva2Utd2lkdGg9IjIiIGZpbGw9Im5vbmUiLz48L3N2Zz4=";
    static final String RESILIENT_LOGO = "data:image/svg+xml;base64,"
            + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAyNCAyNCI+PHJlY3Qgd2lkdGg9IjI0Ii"
            + "BoZWlnaHQ9IjI0IiByeD0iNCIgZmlsbD0iIzJmNGY2ZiIvPjxwYXRoIGQ9Ik0xMiA0bDcgM3Y1YzAgNC0zIDctNyA4LTQtMS03LTQt"
            + "Ny04Vjd6IiBzdHJva2U9IiNmZmYiIHN0cm9rZS13aWR0aD0iMiIgZmlsbD0ibm9uZSIvPjwvc3ZnPg==";

    private Branding() {}
}
