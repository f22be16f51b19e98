// A self-signed EC key and certificate for 127.0.0.1, only for the HTTPS test (the test does
// not verify it, so its dates do not matter).

export const testKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgVHVaqQ8+oZZtGWNA
9A0/HaSa0RZQlSEIe8fLvlYlU2ahRANCAAT8fbC9acS9m6OTRMSjshRIsaWaRKZL
pt7jykn/gheAOkNAvWa6PS7ftl3rotkYuXLkbbgoUi/8Emei/wnepvqZ
-----END PRIVATE KEY-----
`;

export const testCert = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUOq/p5uM0UI8zrOXcoXgm2SM12U0wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNzIxMDU0OVoYDzIxMjYxMTAz
MjEwNTQ5WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAT8fbC9acS9m6OTRMSjshRIsaWaRKZLpt7jykn/gheAOkNAvWa6PS7f
tl3rotkYuXLkbbgoUi/8Emei/wnepvqZo28wbTAdBgNVHQ4EFgQU/tMsfQe152sA
kiM+ESycTk1e2OYwHwYDVR0jBBgwFoAU/tMsfQe152sAkiM+ESycTk1e2OYwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARhwR/AAABgglsb2NhbGhvc3QwCgYIKoZI
zj0EAwIDSQAwRgIhAJ9gtU6UPR3DTNz0G2vdB1hERCnW4aiHPbEi2PTtmvdWAiEA
uDAZoNr8a/Bqj/dsDi+FyvRsu/4eOd7lQY5eMrOP2x0=
-----END CERTIFICATE-----
`;
