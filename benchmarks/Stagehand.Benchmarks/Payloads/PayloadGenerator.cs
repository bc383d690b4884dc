using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Stagehand.Benchmarks.Payloads;

/// <summary>
/// Writes the three payload files deterministically (a fixed-seed generator, no clock, no culture), so that
/// <c>dotnet run -c Release -- --generate-payloads</c> reproduces the committed files byte for byte.
/// </summary>
internal static class PayloadGenerator
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(Path.Combine(folder, PayloadSet.FileName(PayloadKind.Small)), Small());
        Write(Path.Combine(folder, PayloadSet.FileName(PayloadKind.Medium)), Medium(50));
        Write(Path.Combine(folder, PayloadSet.FileName(PayloadKind.Large)), Large());
    }

    private static void Write(string path, byte[] bytes)
    {
        File.WriteAllBytes(path, bytes);
        Console.WriteLine($"wrote {path} ({bytes.Length:N0} bytes)");
    }

    /// <summary>An ActRequest with options: a full (generic) model configuration, variables of every kind, a timeout.</summary>
    public static byte[] Small() => Build(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("input", "Sign in with %username% and %password%, then open the order history and sort it by date");
        writer.WriteStartObject("options");
        writer.WriteStartObject("model");
        writer.WriteString("modelName", "openai/gpt-4.1-mini");
        writer.WriteString("apiKey", "sk-bench-0000000000000000000000000000000000000000");
        writer.WriteString("baseURL", "https://api.openai.com/v1");
        writer.WriteStartObject("headers");
        writer.WriteString("x-request-source", "stagehand-benchmarks");
        writer.WriteString("x-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736");
        writer.WriteEndObject();
        writer.WriteString("openaiEndpointFormat", "responses");
        writer.WriteString("provider", "openai");
        writer.WriteEndObject();
        writer.WriteStartObject("variables");
        writer.WriteString("username", "ada.lovelace@example.com");
        writer.WriteStartObject("password");
        writer.WriteString("value", "correct horse battery staple");
        writer.WriteString("description", "The account password; never shown to the model.");
        writer.WriteEndObject();
        writer.WriteNumber("maxOrders", 25);
        writer.WriteBoolean("rememberMe", true);
        writer.WriteStartObject("sortOrder");
        writer.WriteString("value", "descending");
        writer.WriteString("description", "How the order history is sorted.");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("timeout", 30000);
        writer.WriteEndObject();
        writer.WriteNull("frameId");
        writer.WriteBoolean("streamResponse", false);
        writer.WriteNumber("cacheThreshold", 3);
        writer.WriteEndObject();
    });

    /// <summary>An LLMListResponse of <paramref name="count"/> LLMConfig items: every member present, nullable ones null or set.</summary>
    public static byte[] Medium(int count) => Build(writer =>
    {
        var random = new Xorshift(0x5EED_0001);
        string[] models = ["openai/gpt-4.1-nano", "openai/gpt-4.1-mini", "anthropic/claude-sonnet-4-5", "google/gemini-2.5-flash", "openai/gpt-5", "anthropic/claude-haiku-4-5"];
        string[] locations = ["us-central1", "europe-west4", "eastus2", "asia-northeast1"];
        var epoch = new DateTimeOffset(2025, 1, 6, 8, 0, 0, TimeSpan.Zero);

        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        writer.WriteStartObject("data");
        writer.WriteStartArray("llms");
        for (var i = 0; i < count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("id", random.NextGuid().ToString("D", CultureInfo.InvariantCulture));
            writer.WriteString("source", i % 5 == 0 ? "system-default" : "user");
            if (i % 3 == 0)
            {
                writer.WriteNull("displayName");
            }
            else
            {
                writer.WriteString("displayName", "Config " + (i + 1).ToString(CultureInfo.InvariantCulture) + " for the checkout flow");
            }

            writer.WriteString("modelName", models[random.Next(models.Length)]);
            if (i % 4 == 1)
            {
                writer.WriteString("baseUrl", "https://llm-gateway.example.com/v1/tenants/" + random.Next(10_000).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                writer.WriteNull("baseUrl");
            }

            if (i % 2 == 0)
            {
                writer.WriteString("systemPrompt", "You are a careful browser agent. Prefer visible, labelled controls; never submit a payment form without confirmation.");
            }
            else
            {
                writer.WriteNull("systemPrompt");
            }

            if (i % 3 == 2)
            {
                writer.WriteNull("providerOptions");
            }
            else
            {
                writer.WriteStartObject("providerOptions");
                writer.WriteNumber("temperature", random.Next(0, 11) / 10.0);
                writer.WriteString("organization", "org-" + random.Next(100_000).ToString("D5", CultureInfo.InvariantCulture));
                writer.WriteString("project", "proj_checkout_" + (i % 7).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("location", locations[random.Next(locations.Length)]);
                writer.WriteEndObject();
            }

            var created = epoch.AddSeconds(random.Next(0, 30 * 24 * 3600)).AddMilliseconds(random.Next(1000));
            var offset = i % 4 == 3 ? TimeSpan.FromHours(2) : TimeSpan.Zero;
            writer.WriteString("createdAt", Rfc3339(created.ToOffset(offset)));
            writer.WriteString("updatedAt", Rfc3339(created.AddMinutes(random.Next(1, 10_000)).ToOffset(offset)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    /// <summary>
    /// About 1 MB: an ExtractRequest carrying a big JSON Schema of the wanted result (a product catalogue of 1,900
    /// described object members) and 200 ignored selectors.
    /// </summary>
    public static byte[] Large() => Build(writer =>
    {
        var random = new Xorshift(0x5EED_0003);
        string[] availability = ["in_stock", "out_of_stock", "preorder", "discontinued"];
        writer.WriteStartObject();
        writer.WriteString("instruction", "Extract every product on the catalogue page with its price, availability, ratings and variants");
        writer.WriteStartObject("schema");
        writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        writer.WriteString("title", "Catalogue page");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        const int Products = 1700;
        for (var i = 0; i < Products; i++)
        {
            var n = i.ToString("D4", CultureInfo.InvariantCulture);
            writer.WriteStartObject("product_" + n);
            writer.WriteString("type", "object");
            writer.WriteString("description", "Product tile " + n + " of the catalogue grid, as shown to a shopper (name, price, stock, rating and variants).");
            writer.WriteStartObject("properties");
            writer.WriteStartObject("name");
            writer.WriteString("type", "string");
            writer.WriteNumber("maxLength", 200);
            writer.WriteEndObject();
            writer.WriteStartObject("price");
            writer.WriteString("type", "number");
            writer.WriteNumber("minimum", 0);
            writer.WriteNumber("multipleOf", 0.01);
            writer.WriteEndObject();
            writer.WriteStartObject("currency");
            writer.WriteString("type", "string");
            writer.WriteString("pattern", "^[A-Z]{3}$");
            writer.WriteEndObject();
            writer.WriteStartObject("availability");
            writer.WriteString("type", "string");
            writer.WriteStartArray("enum");
            foreach (var value in availability)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("rating");
            writer.WriteString("type", "number");
            writer.WriteNumber("minimum", 0);
            writer.WriteNumber("maximum", 5);
            writer.WriteEndObject();
            writer.WriteStartObject("variants");
            writer.WriteString("type", "array");
            writer.WriteNumber("maxItems", random.Next(4, 40));
            writer.WriteStartObject("items");
            writer.WriteString("type", "string");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("required");
            writer.WriteStringValue("name");
            writer.WriteStringValue("price");
            writer.WriteEndArray();
            writer.WriteBoolean("additionalProperties", false);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteEndObject();

        writer.WriteStartObject("options");
        writer.WriteString("model", "anthropic/claude-sonnet-4-5");
        writer.WriteNumber("timeout", 120000);
        writer.WriteString("selector", "main#catalogue > section.grid");
        writer.WriteStartArray("ignoreSelectors");
        for (var i = 0; i < 200; i++)
        {
            writer.WriteStringValue("div.ad-slot[data-slot=\"" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture) + "\"]");
        }

        writer.WriteEndArray();
        writer.WriteBoolean("screenshot", false);
        writer.WriteEndObject();
        writer.WriteString("frameId", "F0A1B2C3D4E5F60718293A4B5C6D7E8F");
        writer.WriteBoolean("streamResponse", false);
        writer.WriteNumber("cacheThreshold", 5);
        writer.WriteEndObject();
    });

    private static string Rfc3339(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>A small fixed-seed generator whose sequence never depends on the runtime version.</summary>
    private struct Xorshift(ulong seed)
    {
        private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        public int Next(int maxExclusive) => Next(0, maxExclusive);

        public int Next(int minInclusive, int maxExclusive) => minInclusive + (int)(NextULong() % (ulong)(maxExclusive - minInclusive));

        public Guid NextGuid()
        {
            Span<byte> bytes = stackalloc byte[16];
            BitConverter.TryWriteBytes(bytes, NextULong());
            BitConverter.TryWriteBytes(bytes[8..], NextULong());
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }

        private ulong NextULong()
        {
            var x = _state;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            _state = x;
            return x;
        }
    }
}
