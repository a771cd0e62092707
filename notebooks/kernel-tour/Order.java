package tour;

import java.util.List;

/** The record the kernel tour serializes: a small order, as an API might return it. */
public record Order(long id, String customer, double total, List<String> items) {
    /** A fixed example, so every run serializes the same bytes. */
    public static Order example() {
        return new Order(42L, "Ada Lovelace", 129.95, List.of("keyboard", "mouse", "monitor"));
    }
}
