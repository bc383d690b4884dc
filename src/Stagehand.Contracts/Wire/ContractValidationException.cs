using System.Text.Json;

namespace Stagehand.Contracts;

/// <summary>Thrown by <c>Parse</c> when a document breaks its contract. It is a <see cref="JsonException"/>, so serializers treat it as bad input.</summary>
public sealed class ContractValidationException : JsonException
{
    /// <summary>Creates the exception for a failed validation of <paramref name="contract"/>.</summary>
    public ContractValidationException(string contract, ValidationResult result)
        : base($"The JSON does not satisfy the {contract} contract:{System.Environment.NewLine}{result}")
    {
        Contract = contract;
        Result = result;
    }

    /// <summary>The name of the contract the document was read as.</summary>
    public string Contract { get; }

    /// <summary>Every violation found.</summary>
    public ValidationResult Result { get; }
}
