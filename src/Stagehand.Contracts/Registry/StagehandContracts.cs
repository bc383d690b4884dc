using System.Collections.Generic;
using System.Text.Json.Serialization.Metadata;

namespace Stagehand.Contracts;

/// <summary>The Stagehand contracts shipped in this assembly, by name, and their JSON resolver.</summary>
public static class StagehandContracts
{
    /// <summary>Every Stagehand contract. <c>LLM</c>, the name the Stagehand server gives the LLM configuration resource, is accepted for <c>LLMConfig</c>.</summary>
    public static ContractRegistry Registry { get; } = new(
        GeneratedContracts.CreateDescriptors(),
        new Dictionary<string, string> { ["LLM"] = "LLMConfig" });

    /// <summary>
    /// A resolver that gives <c>JsonSerializer</c> the generated, validating converter of every contract type, without
    /// reflection: add it to <c>JsonSerializerOptions.TypeInfoResolverChain</c> for Native AOT and trimming.
    /// </summary>
    public static IJsonTypeInfoResolver JsonResolver => GeneratedContracts.JsonResolver;
}
