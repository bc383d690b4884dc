using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace Stagehand.Contracts.Cli.Commands;

/// <summary>
/// <c>validate [--schemas DIR] CONTRACT FILE...</c>: validates each file (or <c>-</c> for standard input) with the
/// generated validator of the named contract: one of the Stagehand contracts, or, with <c>--schemas</c>, one generated
/// from the schema files of a folder. Exit code 0 when every file is valid, 1 when any is invalid, 2 on a usage error.
/// </summary>
internal static class ValidateCommand
{
    public const string StandardInput = "-";

    public static Command Create(Func<Stream> openStandardInput)
    {
        var contract = new Argument<string>("CONTRACT") { Description = "The contract's C# type name (LLMConfig, ActRequest, ...) or full name (Stagehand.Contracts.V3.ActRequest); LLM is accepted for LLMConfig." };
        var schemas = new Option<string?>("--schemas") { Description = "A folder of your own schema files: validate against the contracts generated from them instead of Stagehand's." };
        var files = new Argument<string[]>("FILE") { Description = "The JSON files to validate; - reads standard input.", Arity = ArgumentArity.OneOrMore };
        var policy = new Option<string>("--policy")
        {
            Description = "What to do with members the contract does not declare.",
            DefaultValueFactory = _ => "declared",
        };
        policy.AcceptOnlyFromAmong("declared", "strict", "tolerant");

        var command = new Command("validate", "Validate JSON files against a Stagehand contract.");
        command.Arguments.Add(contract);
        command.Arguments.Add(files);
        command.Options.Add(policy);
        command.Options.Add(schemas);
        command.SetAction(parseResult => Execute(
            parseResult.GetValue(schemas),
            parseResult.GetValue(contract)!,
            parseResult.GetValue(files)!,
            parseResult.GetValue(policy) switch
            {
                "strict" => ReadPolicy.Strict,
                "tolerant" => ReadPolicy.Tolerant,
                _ => ReadPolicy.AsDeclared,
            },
            openStandardInput,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string? schemaFolder, string contractName, IReadOnlyList<string> files, ReadPolicy policy, Func<Stream> openStandardInput, TextWriter output, TextWriter error)
    {
        var registry = StagehandContracts.Registry;
        if (schemaFolder is not null)
        {
            if (!Directory.Exists(schemaFolder))
            {
                error.WriteLine($"error: the schema folder '{schemaFolder}' does not exist.");
                return ExitCodes.Usage;
            }

            var (own, problems) = Checking.UserContracts.Load(schemaFolder);
            if (own is null)
            {
                foreach (var problem in problems)
                {
                    error.WriteLine(Checking.UserContracts.Format(problem));
                }

                error.WriteLine($"error: the schemas in '{schemaFolder}' could not be made into contracts; 'stagehand-contracts check {schemaFolder}' lists every problem.");
                return ExitCodes.Usage;
            }

            registry = own;
        }

        if (!registry.TryGet(contractName, out var contract))
        {
            var nearest = registry.Nearest(contractName);
            error.WriteLine(nearest.Count == 0
                ? $"error: '{contractName}' is not a contract, and there are none to choose from."
                : $"error: '{contractName}' is not a contract. Did you mean: {string.Join(", ", nearest)}?");
            return ExitCodes.Usage;
        }

        var documents = new List<(string Name, byte[] Bytes)>();
        foreach (var file in files)
        {
            try
            {
                documents.Add((file, file == StandardInput ? ReadAll(openStandardInput()) : File.ReadAllBytes(file)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot read '{file}': {exception.Message}");
                return ExitCodes.Usage;
            }
        }

        var options = new ContractReadOptions { Policy = policy };
        var anyInvalid = false;
        foreach (var (name, bytes) in documents)
        {
            var result = contract.Validate(bytes, options);
            if (result.IsValid)
            {
                output.WriteLine("valid " + name);
                continue;
            }

            anyInvalid = true;
            output.WriteLine("invalid " + name);
            foreach (var violation in result.Errors)
            {
                output.WriteLine("  " + violation);
            }

            if (result.IsTruncated)
            {
                output.WriteLine($"  (stopped after {options.MaxErrors} errors)");
            }
        }

        return anyInvalid ? ExitCodes.Invalid : ExitCodes.Success;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
