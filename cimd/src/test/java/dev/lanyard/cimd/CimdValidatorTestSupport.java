package dev.lanyard.cimd;

/** A valid document for tests that need one without a server. */
final class CimdValidatorTestSupport {

    private CimdValidatorTestSupport() {
    }

    static ClientIdMetadataDocument document() {
        return CimdValidator.create().validate(ClientIdUrl.parse(CimdValidatorTest.URL),
                CimdValidatorTest.minimal().build()).orElseThrow();
    }
}
