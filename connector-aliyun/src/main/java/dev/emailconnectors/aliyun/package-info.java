/**
 * The Aliyun DirectMail connector, {@link dev.emailconnectors.aliyun.AliyunProvider} (id {@code aliyun}, alias
 * {@code aliyun-direct-mail}): {@code SingleSendMail} signed with Alibaba Cloud's RPC signature v1 (HMAC-SHA1), sent
 * through the shared HTTP transport of {@code connector-okhttp}, with every DirectMail error code mapped to a precise
 * {@link dev.emailconnectors.ErrorCode}.
 */
package dev.emailconnectors.aliyun;
