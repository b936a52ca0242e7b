/**
 * The AWS SES connector, {@link dev.emailconnectors.ses.SesProvider} (id {@code ses}, alias {@code aws-ses-mail}):
 * SES v2 {@code SendEmail} through one AWS SDK client per connector, with the SDK's retry strategy as its only retry
 * layer and every SES error mapped to a precise {@link dev.emailconnectors.ErrorCode}.
 */
package dev.emailconnectors.ses;
