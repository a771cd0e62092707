package dev.benchbook.suites.standard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchbook.Bench;
import dev.benchbook.spec.SuiteFactory;
import dev.benchbook.spec.SuiteSpec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON with Jackson on an order catalog (orders with a customer, an address, line items and tags):
 * databind serialize and parse, tree-model parse, and streaming parse (summing the line totals token by
 * token) and write. Params: {@code orders} per document and {@code lines} per order (the shape: few
 * big orders or many small ones).
 */
public final class JsonSuite implements SuiteFactory {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    public record Address(String street, String city, String postcode, String country) {}

    public record Customer(long id, String name, String email, Address address) {}

    public record Line(String sku, int quantity, long unitPriceCents) {}

    public record Order(long id, String status, String placedAt, Customer customer, List<Line> lines,
            List<String> tags) {}

    public record Catalog(String shop, List<Order> orders) {}

    /** The document and its bytes. */
    record Doc(Catalog catalog, byte[] json) {}

    @Override
    public SuiteSpec create() {
        return Bench.suite("json")
                .description("Jackson databind, tree and streaming on a realistic order catalog")
                .param("orders", 10, 1_000)
                .param("lines", 3, 20)
                .setup(ctx -> {
                    Catalog c = catalog(ctx.intParam("orders"), ctx.intParam("lines"), ctx.random());
                    return new Doc(c, MAPPER.writeValueAsBytes(c));
                })
                .benchmark("databind.serialize", (ctx, d) -> MAPPER.writeValueAsBytes(d.catalog()))
                .benchmark("databind.parse", (ctx, d) -> MAPPER.readValue(d.json(), Catalog.class))
                .benchmark("tree.parse", (ctx, d) -> MAPPER.readTree(d.json()))
                .benchmarkLong("streaming.parse", (ctx, d) -> streamingTotal(d.json()))
                .benchmark("streaming.write", (ctx, d) -> streamingWrite(d.catalog()))
                .baseline("databind.parse")
                .build();
    }

    static Catalog catalog(int orders, int lines, java.util.Random r) {
        String[] cities = {"Lyon", "Porto", "Graz", "Turku", "Ghent"};
        String[] statuses = {"placed", "paid", "shipped", "delivered"};
        List<Order> os = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            Address a = new Address(r.nextInt(200) + " Main Street", cities[r.nextInt(5)],
                    String.valueOf(10_000 + r.nextInt(89_999)), "EU");
            Customer c = new Customer(r.nextInt(1_000_000), "Customer " + r.nextInt(10_000),
                    "c" + r.nextInt(10_000) + "@example.com", a);
            List<Line> ls = new ArrayList<>();
            int n = 1 + r.nextInt(2 * lines);
            for (int j = 0; j < n; j++) {
                ls.add(new Line("SKU-" + r.nextInt(100_000), 1 + r.nextInt(5), 100 + r.nextInt(100_000)));
            }
            os.add(new Order(i, statuses[r.nextInt(4)], "2026-12-0" + (1 + r.nextInt(3)) + "T10:" + (10 + r.nextInt(50))
                    + ":00Z", c, ls, r.nextBoolean() ? List.of("gift") : List.of("express", "fragile")));
        }
        return new Catalog("benchbook-shop", os);
    }

    /** Sums quantity × unit price over every line, reading tokens only. */
    static long streamingTotal(byte[] json) throws java.io.IOException {
        long total = 0;
        long qty = 0;
        try (JsonParser p = FACTORY.createParser(json)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    if (f.equals("quantity")) {
                        p.nextToken();
                        qty = p.getLongValue();
                    } else if (f.equals("unitPriceCents")) {
                        p.nextToken();
                        total += qty * p.getLongValue();
                    }
                }
            }
        }
        return total;
    }

    static byte[] streamingWrite(Catalog c) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("shop", c.shop());
            g.writeArrayFieldStart("orders");
            for (Order o : c.orders()) {
                g.writeStartObject();
                g.writeNumberField("id", o.id());
                g.writeStringField("status", o.status());
                g.writeStringField("placedAt", o.placedAt());
                g.writeObjectFieldStart("customer");
                g.writeNumberField("id", o.customer().id());
                g.writeStringField("name", o.customer().name());
                g.writeStringField("email", o.customer().email());
                g.writeObjectFieldStart("address");
                Address a = o.customer().address();
                g.writeStringField("street", a.street());
                g.writeStringField("city", a.city());
                g.writeStringField("postcode", a.postcode());
                g.writeStringField("country", a.country());
                g.writeEndObject();
                g.writeEndObject();
                g.writeArrayFieldStart("lines");
                for (Line l : o.lines()) {
                    g.writeStartObject();
                    g.writeStringField("sku", l.sku());
                    g.writeNumberField("quantity", l.quantity());
                    g.writeNumberField("unitPriceCents", l.unitPriceCents());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("tags");
                for (String t : o.tags()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
