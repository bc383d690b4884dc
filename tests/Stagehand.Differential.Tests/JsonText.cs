using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stagehand.Differential.Tests;

/// <summary>A member written twice: the object at <see cref="Path"/> gets <see cref="Name"/> again, with <see cref="Value"/>.</summary>
internal sealed record Duplicate(ImmutableArray<object> Path, string Name, JsonNode? Value);

/// <summary>Writes instances as UTF-8 JSON text (raw non-ASCII, escaped controls), optionally with one duplicated member.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static string Write(JsonNode? root, Duplicate? duplicate = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, root, ImmutableArray<object>.Empty, duplicate);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, ImmutableArray<object> path, Duplicate? duplicate)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (name, value) in o)
                {
                    writer.WritePropertyName(name);
                    Write(writer, value, path.Add(name), duplicate);
                    if (duplicate is not null && duplicate.Name == name && duplicate.Path.SequenceEqual(path))
                    {
                        writer.WritePropertyName(name);
                        Write(writer, duplicate.Value, path.Add(name), null);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                for (var i = 0; i < a.Count; i++)
                {
                    Write(writer, a[i], path.Add(i), duplicate);
                }

                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>A number exactly as written (<c>1e400</c>, <c>5.0</c>, <c>92233720368547758080</c>).</summary>
    public static JsonNode RawNumber(string text) => JsonNode.Parse(text) ?? throw new ArgumentException(text);

    /// <summary>Follows <paramref name="path"/> from <paramref name="root"/>.</summary>
    public static JsonNode? At(JsonNode? root, ImmutableArray<object> path)
    {
        var node = root;
        foreach (var segment in path)
        {
            node = segment is int i ? node!.AsArray()[i] : node!.AsObject()[(string)segment];
        }

        return node;
    }

    /// <summary>Follows <paramref name="path"/> when it still exists in <paramref name="root"/>.</summary>
    public static bool TryAt(JsonNode? root, ImmutableArray<object> path, out JsonNode? value)
    {
        value = root;
        foreach (var segment in path)
        {
            switch (value)
            {
                case JsonArray a when segment is int i && i < a.Count:
                    value = a[i];
                    break;
                case JsonObject o when segment is string name && o.TryGetPropertyValue(name, out var child):
                    value = child;
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the value at <paramref name="path"/>; returns the new root.</summary>
    public static JsonNode? Replace(JsonNode? root, ImmutableArray<object> path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var parent = At(root, path.RemoveAt(path.Length - 1));
        if (path[^1] is int i)
        {
            parent!.AsArray()[i] = value;
        }
        else
        {
            parent!.AsObject()[(string)path[^1]] = value;
        }

        return root;
    }
}
