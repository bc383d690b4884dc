using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>One contract type found in the Stagehand.Contracts assembly.</summary>
/// <param name="Name">The C# type name.</param>
/// <param name="Family"><c>v3</c>, <c>v4</c> or <c>internal</c>, from the namespace.</param>
/// <param name="Kind"><c>record</c>, <c>enum</c> or <c>union</c>.</param>
/// <param name="Visibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="Strictness"><c>reject</c>, <c>drop</c> or <c>keep</c> for a record; <c>-</c> otherwise.</param>
/// <param name="Members">Record members, enum values or union cases.</param>
internal sealed record ContractInfo(string Name, string Family, string Kind, string Visibility, string Strictness, int Members);

/// <summary><c>list</c>: a table of every contract in the Stagehand.Contracts assembly.</summary>
internal static class ListCommand
{
    private const string NamespacePrefix = "Stagehand.Contracts.";

    private static readonly string[] Headers = ["name", "family", "kind", "visibility", "strictness", "members"];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the contracts as a JSON array." };
        var command = new Command("list", "List every contract type in the Stagehand.Contracts assembly.");
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var contracts = Discover(typeof(ContractTypeAttribute).Assembly);
            if (parseResult.GetValue(json))
            {
                WriteJson(contracts, output);
            }
            else
            {
                WriteTable(contracts, output);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Every type of <paramref name="assembly"/> marked with <see cref="ContractTypeAttribute"/>, by family then name.</summary>
    public static IReadOnlyList<ContractInfo> Discover(Assembly assembly)
    {
        var contracts = new List<ContractInfo>();
        foreach (var type in assembly.GetTypes())
        {
            var attribute = type.GetCustomAttribute<ContractTypeAttribute>(inherit: false);
            if (attribute is null)
            {
                continue;
            }

            var kind = KindOf(type);
            contracts.Add(new ContractInfo(
                type.Name,
                FamilyOf(type.Namespace),
                kind,
                attribute.Visibility == ContractVisibility.Internal ? "internal" : "public",
                kind == "record" ? StrictnessOf(attribute.UnknownMembers) : "-",
                CountMembers(type, kind)));
        }

        return contracts
            .OrderBy(c => c.Family, StringComparer.Ordinal)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static string FamilyOf(string? @namespace)
    {
        if (@namespace is null)
        {
            return "-";
        }

        var last = @namespace.StartsWith(NamespacePrefix, StringComparison.Ordinal)
            ? @namespace.Substring(NamespacePrefix.Length)
            : @namespace.Substring(@namespace.LastIndexOf('.') + 1);
        return last.ToLowerInvariant();
    }

    private static string KindOf(Type type)
    {
        if (type.IsEnum)
        {
            return "enum";
        }

        if (type.IsValueType)
        {
            return "union";
        }

        // A record has the compiler's clone method.
        return type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is null ? "class" : "record";
    }

    private static string StrictnessOf(UnknownMembers unknownMembers) => unknownMembers switch
    {
        UnknownMembers.Reject => "reject",
        UnknownMembers.Drop => "drop",
        UnknownMembers.Keep => "keep",
        _ => unknownMembers.ToString().ToLowerInvariant(),
    };

    private static int CountMembers(Type type, string kind) => kind switch
    {
        "enum" => type.GetFields(BindingFlags.Public | BindingFlags.Static).Length,
        "union" => type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Count(m => m.Name.StartsWith("From", StringComparison.Ordinal) && m.ReturnType == type && m.GetParameters().Length == 1),
        _ => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Count(p => p.IsDefined(typeof(ContractMemberAttribute), inherit: false)),
    };

    private static string[] Cells(ContractInfo contract) =>
        [contract.Name, contract.Family, contract.Kind, contract.Visibility, contract.Strictness, contract.Members.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Writes aligned columns (the count right-aligned) and a final <c>N contracts</c> line.</summary>
    public static void WriteTable(IReadOnlyList<ContractInfo> contracts, TextWriter output)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(contracts.Select(Cells));
        var widths = new int[Headers.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var last = Headers.Length - 1;
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            line.Clear();
            for (var i = 0; i < last; i++)
            {
                line.Append(row[i].PadRight(widths[i])).Append("  ");
            }

            line.Append(row[last].PadLeft(widths[last]));
            output.WriteLine(line.ToString());
        }

        output.WriteLine(contracts.Count.ToString(CultureInfo.InvariantCulture) + " contracts");
    }

    /// <summary>Writes the contracts as an indented JSON array of objects.</summary>
    public static void WriteJson(IReadOnlyList<ContractInfo> contracts, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var contract in contracts)
            {
                writer.WriteStartObject();
                writer.WriteString("name", contract.Name);
                writer.WriteString("family", contract.Family);
                writer.WriteString("kind", contract.Kind);
                writer.WriteString("visibility", contract.Visibility);
                writer.WriteString("strictness", contract.Strictness);
                writer.WriteNumber("members", contract.Members);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
