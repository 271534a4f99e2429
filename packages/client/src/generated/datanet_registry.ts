// Generated from idls/datanet_registry.json by packages/client/scripts/gen-idl.ts. Do not edit:
// run `npm run gen` after the IDLs change (`npm test` fails while this file is stale).

/**
 * The datanet_registry IDL in camelCase, as anchor-cli writes target/types/datanet_registry.ts: the type
 * parameter of `Program`.
 */
export type DatanetRegistry = {
  "address": "DKoaReFZ2bj4QA82KJfpYn4cM8uYn4vhxhDNzC8TkoLf",
  "metadata": {
    "name": "datanetRegistry",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Datanets and their contributions: who contributed what, and was it accepted"
  },
  "instructions": [
    {
      "name": "bondVaultInit",
      "docs": [
        "Creates the bond vault (once, by anyone) with `attribution_payout`'s OPEN mint."
      ],
      "discriminator": [
        106,
        68,
        189,
        30,
        143,
        13,
        216,
        212
      ],
      "accounts": [
        {
          "name": "payoutConfig",
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  102,
                  105,
                  103
                ]
              }
            ],
            "program": {
              "kind": "const",
              "value": [
                147,
                53,
                186,
                98,
                175,
                35,
                84,
                72,
                49,
                165,
                137,
                139,
                99,
                2,
                181,
                123,
                122,
                192,
                148,
                244,
                87,
                65,
                11,
                120,
                205,
                59,
                120,
                154,
                97,
                226,
                233,
                141
              ]
            }
          }
        },
        {
          "name": "bondVault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  98,
                  111,
                  110,
                  100,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              }
            ]
          }
        },
        {
          "name": "mint"
        },
        {
          "name": "payer",
          "writable": true,
          "signer": true
        },
        {
          "name": "tokenProgram"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": []
    },
    {
      "name": "contributionBondRefund",
      "docs": [
        "Returns a contribution's bond to its contributor once it can no longer be forfeited."
      ],
      "discriminator": [
        82,
        206,
        41,
        244,
        65,
        253,
        107,
        233
      ],
      "accounts": [
        {
          "name": "datanet",
          "relations": [
            "contribution"
          ]
        },
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "bondVault",
          "writable": true
        },
        {
          "name": "contributorToken",
          "writable": true
        },
        {
          "name": "mint"
        },
        {
          "name": "tokenProgram"
        }
      ],
      "args": []
    },
    {
      "name": "contributionFlagSpam",
      "docs": [
        "The curator flags a contribution as spam (pending, or accepted, in no version yet and",
        "within its spam window): it is in no version, and its bond goes to the treasury."
      ],
      "discriminator": [
        51,
        240,
        178,
        211,
        103,
        8,
        236,
        232
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true,
          "relations": [
            "contribution"
          ]
        },
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "datanet"
          ]
        },
        {
          "name": "payoutConfig",
          "docs": [
            "a bond is forfeited."
          ],
          "optional": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  102,
                  105,
                  103
                ]
              }
            ],
            "program": {
              "kind": "const",
              "value": [
                147,
                53,
                186,
                98,
                175,
                35,
                84,
                72,
                49,
                165,
                137,
                139,
                99,
                2,
                181,
                123,
                122,
                192,
                148,
                244,
                87,
                65,
                11,
                120,
                205,
                59,
                120,
                154,
                97,
                226,
                233,
                141
              ]
            }
          }
        },
        {
          "name": "bondVault",
          "writable": true,
          "optional": true
        },
        {
          "name": "treasuryToken",
          "writable": true,
          "optional": true
        },
        {
          "name": "mint",
          "optional": true
        },
        {
          "name": "tokenProgram",
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "contributionReview",
      "docs": [
        "Accepts (with a weight) or rejects (with a reason) a pending contribution. Final."
      ],
      "discriminator": [
        9,
        50,
        111,
        71,
        61,
        94,
        41,
        86
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true,
          "relations": [
            "contribution"
          ]
        },
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "datanet"
          ]
        }
      ],
      "args": [
        {
          "name": "decision",
          "type": {
            "defined": {
              "name": "reviewDecision"
            }
          }
        }
      ]
    },
    {
      "name": "contributionSubmit",
      "docs": [
        "Submits content (by its SHA-256) to a datanet; pending, or accepted at once if open."
      ],
      "discriminator": [
        57,
        107,
        170,
        125,
        181,
        65,
        36,
        153
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true
        },
        {
          "name": "contribution",
          "docs": [
            "duplicate: Anchor's `init` would fail with the system program's bare \"already in use\"."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  111,
                  110,
                  116,
                  114,
                  105,
                  98,
                  117,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "datanet"
              },
              {
                "kind": "arg",
                "path": "args.contentHash"
              }
            ]
          }
        },
        {
          "name": "contributor",
          "docs": [
            "Signs, pays the rent (and the bond), and is paid for the contribution."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        },
        {
          "name": "bondVault",
          "writable": true,
          "optional": true
        },
        {
          "name": "contributorToken",
          "writable": true,
          "optional": true
        },
        {
          "name": "mint",
          "optional": true
        },
        {
          "name": "tokenProgram",
          "optional": true
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "contributionSubmitArgs"
            }
          }
        }
      ]
    },
    {
      "name": "contributionTransferAccept",
      "docs": [
        "The proposed wallet becomes the contribution's contributor."
      ],
      "discriminator": [
        164,
        243,
        142,
        89,
        80,
        20,
        133,
        24
      ],
      "accounts": [
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "newContributor",
          "signer": true
        }
      ],
      "args": []
    },
    {
      "name": "contributionTransferPropose",
      "docs": [
        "Names the wallet the contribution is handed to (or cancels with `None`)."
      ],
      "discriminator": [
        37,
        160,
        57,
        206,
        144,
        3,
        234,
        162
      ],
      "accounts": [
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "contributor",
          "signer": true,
          "relations": [
            "contribution"
          ]
        }
      ],
      "args": [
        {
          "name": "newContributor",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "contributionWithdraw",
      "docs": [
        "Takes back a pending contribution, or clears away a rejected one (the contributor, or the",
        "curator); its rent returns to the contributor. Accepted contributions are permanent."
      ],
      "discriminator": [
        221,
        235,
        53,
        169,
        241,
        107,
        248,
        198
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true,
          "relations": [
            "contribution"
          ]
        },
        {
          "name": "contribution",
          "writable": true
        },
        {
          "name": "contributor",
          "writable": true,
          "relations": [
            "contribution"
          ]
        },
        {
          "name": "signer",
          "docs": [
            "The contributor, or the datanet's curator for a rejected or flagged contribution."
          ],
          "signer": true
        },
        {
          "name": "bondVault",
          "writable": true,
          "optional": true
        },
        {
          "name": "contributorToken",
          "writable": true,
          "optional": true
        },
        {
          "name": "mint",
          "optional": true
        },
        {
          "name": "tokenProgram",
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "datanetAttestorApprove",
      "docs": [
        "The curator allows `attestor` to post Proof of Attribution roots for this datanet's share."
      ],
      "discriminator": [
        161,
        120,
        31,
        108,
        21,
        134,
        80,
        90
      ],
      "accounts": [
        {
          "name": "datanet"
        },
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "datanet"
          ]
        },
        {
          "name": "approval",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  111,
                  114,
                  95,
                  97,
                  112,
                  112,
                  114,
                  111,
                  118,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "datanet"
              },
              {
                "kind": "arg",
                "path": "attestor"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "attestor",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "datanetAttestorRevoke",
      "docs": [
        "The curator withdraws an attestor's approval (rent back to who paid it)."
      ],
      "discriminator": [
        33,
        198,
        175,
        176,
        173,
        173,
        206,
        74
      ],
      "accounts": [
        {
          "name": "datanet",
          "relations": [
            "approval"
          ]
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "datanet"
          ]
        },
        {
          "name": "approval",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  116,
                  116,
                  101,
                  115,
                  116,
                  111,
                  114,
                  95,
                  97,
                  112,
                  112,
                  114,
                  111,
                  118,
                  97,
                  108
                ]
              },
              {
                "kind": "account",
                "path": "datanet"
              },
              {
                "kind": "account",
                "path": "approval.attestor",
                "account": "attestorApproval"
              }
            ]
          }
        },
        {
          "name": "rentPayer",
          "writable": true,
          "relations": [
            "approval"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "datanetAuthorityAccept",
      "docs": [
        "The proposed authority takes over."
      ],
      "discriminator": [
        109,
        177,
        191,
        106,
        150,
        128,
        226,
        140
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true
        },
        {
          "name": "newAuthority",
          "signer": true
        }
      ],
      "args": []
    },
    {
      "name": "datanetAuthorityPropose",
      "docs": [
        "Names the next authority (or cancels with `None`); it takes effect when accepted."
      ],
      "discriminator": [
        9,
        18,
        184,
        46,
        117,
        70,
        96,
        107
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "datanet"
          ]
        }
      ],
      "args": [
        {
          "name": "newAuthority",
          "type": {
            "option": "pubkey"
          }
        }
      ]
    },
    {
      "name": "datanetCreate",
      "docs": [
        "Creates a datanet owned by its creator, who becomes its curator."
      ],
      "discriminator": [
        119,
        80,
        74,
        62,
        237,
        26,
        222,
        129
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  100,
                  97,
                  116,
                  97,
                  110,
                  101,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "creator"
              },
              {
                "kind": "arg",
                "path": "args.id"
              }
            ]
          }
        },
        {
          "name": "creator",
          "docs": [
            "Pays the rent and becomes the datanet's first authority (curator)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "datanetCreateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "datanetUpdate",
      "docs": [
        "Changes a datanet's metadata URI and/or policy (authority only)."
      ],
      "discriminator": [
        66,
        38,
        253,
        70,
        180,
        174,
        243,
        143
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true
        },
        {
          "name": "authority",
          "signer": true,
          "relations": [
            "datanet"
          ]
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "datanetUpdateArgs"
            }
          }
        }
      ]
    },
    {
      "name": "datanetVersionPublish",
      "docs": [
        "Publishes an immutable version of the datanet that models can cite."
      ],
      "discriminator": [
        246,
        160,
        156,
        203,
        226,
        168,
        232,
        89
      ],
      "accounts": [
        {
          "name": "datanet",
          "writable": true
        },
        {
          "name": "datanetVersion",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  100,
                  97,
                  116,
                  97,
                  110,
                  101,
                  116,
                  95,
                  118,
                  101,
                  114,
                  115,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "datanet"
              },
              {
                "kind": "arg",
                "path": "args.number"
              }
            ]
          }
        },
        {
          "name": "authority",
          "writable": true,
          "signer": true,
          "relations": [
            "datanet"
          ]
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "args",
          "type": {
            "defined": {
              "name": "datanetVersionPublishArgs"
            }
          }
        }
      ]
    }
  ],
  "accounts": [
    {
      "name": "attestorApproval",
      "discriminator": [
        64,
        92,
        42,
        203,
        176,
        99,
        64,
        234
      ]
    },
    {
      "name": "contribution",
      "discriminator": [
        182,
        187,
        14,
        111,
        72,
        167,
        242,
        212
      ]
    },
    {
      "name": "datanet",
      "discriminator": [
        12,
        188,
        122,
        218,
        109,
        14,
        36,
        17
      ]
    }
  ],
  "events": [
    {
      "name": "attestorApproved",
      "discriminator": [
        38,
        101,
        148,
        239,
        51,
        101,
        150,
        181
      ]
    },
    {
      "name": "attestorRevoked",
      "discriminator": [
        43,
        114,
        48,
        146,
        162,
        21,
        111,
        6
      ]
    },
    {
      "name": "bondRefunded",
      "discriminator": [
        52,
        32,
        75,
        36,
        37,
        139,
        123,
        17
      ]
    },
    {
      "name": "bondVaultCreated",
      "discriminator": [
        27,
        226,
        216,
        42,
        205,
        41,
        127,
        80
      ]
    },
    {
      "name": "contributionFlagged",
      "discriminator": [
        1,
        59,
        33,
        74,
        53,
        119,
        78,
        57
      ]
    },
    {
      "name": "contributionReviewed",
      "discriminator": [
        57,
        15,
        231,
        133,
        11,
        254,
        3,
        23
      ]
    },
    {
      "name": "contributionSubmitted",
      "discriminator": [
        233,
        209,
        91,
        212,
        239,
        41,
        224,
        118
      ]
    },
    {
      "name": "contributionTransferAccepted",
      "discriminator": [
        68,
        64,
        61,
        150,
        126,
        124,
        203,
        4
      ]
    },
    {
      "name": "contributionTransferProposed",
      "discriminator": [
        209,
        40,
        226,
        24,
        175,
        195,
        188,
        208
      ]
    },
    {
      "name": "contributionWithdrawn",
      "discriminator": [
        124,
        236,
        51,
        5,
        29,
        2,
        142,
        62
      ]
    },
    {
      "name": "datanetAuthorityAccepted",
      "discriminator": [
        120,
        214,
        118,
        251,
        228,
        210,
        213,
        131
      ]
    },
    {
      "name": "datanetAuthorityProposed",
      "discriminator": [
        208,
        45,
        34,
        106,
        110,
        26,
        38,
        127
      ]
    },
    {
      "name": "datanetCreated",
      "discriminator": [
        234,
        231,
        206,
        140,
        2,
        63,
        232,
        3
      ]
    },
    {
      "name": "datanetUpdated",
      "discriminator": [
        6,
        73,
        63,
        199,
        13,
        23,
        12,
        79
      ]
    },
    {
      "name": "datanetVersionPublished",
      "discriminator": [
        136,
        86,
        31,
        190,
        150,
        21,
        243,
        103
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "invalidName",
      "msg": "Name is empty or longer than 64 bytes"
    },
    {
      "code": 6001,
      "name": "invalidUri",
      "msg": "URI is empty or longer than 200 bytes"
    },
    {
      "code": 6002,
      "name": "invalidPolicy",
      "msg": "An open datanet needs a default weight above zero"
    },
    {
      "code": 6003,
      "name": "notAuthority",
      "msg": "Only the datanet's authority may do this"
    },
    {
      "code": 6004,
      "name": "noPendingAuthority",
      "msg": "No authority transfer is pending for this signer"
    },
    {
      "code": 6005,
      "name": "duplicateContribution",
      "msg": "This content was already submitted to this datanet"
    },
    {
      "code": 6006,
      "name": "emptyContent",
      "msg": "Content size must be above zero"
    },
    {
      "code": 6007,
      "name": "notPending",
      "msg": "The contribution is not pending: decisions are final"
    },
    {
      "code": 6008,
      "name": "notContributor",
      "msg": "Only the contributor may withdraw a contribution; the curator may clear only a rejected one"
    },
    {
      "code": 6009,
      "name": "zeroWeight",
      "msg": "An accepted contribution needs a weight above zero"
    },
    {
      "code": 6010,
      "name": "emptyVersion",
      "msg": "A version must contain at least one accepted contribution"
    },
    {
      "code": 6011,
      "name": "wrongVersionNumber",
      "msg": "Version numbers are consecutive: publish the next number"
    },
    {
      "code": 6012,
      "name": "overflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6013,
      "name": "acceptedIsPermanent",
      "msg": "An accepted contribution is permanent: its weight backs payouts"
    },
    {
      "code": 6014,
      "name": "weightTooHigh",
      "msg": "A contribution's weight is at most MAX_CONTRIBUTION_WEIGHT (10^9)"
    },
    {
      "code": 6015,
      "name": "wrongContributor",
      "msg": "The account passed is not the contribution's contributor"
    },
    {
      "code": 6016,
      "name": "noPendingContributor",
      "msg": "No transfer of this contribution is pending for this signer"
    },
    {
      "code": 6017,
      "name": "bondAccountsMissing",
      "msg": "This bond needs its accounts: the bond vault, the token account, the OPEN mint and the token program"
    },
    {
      "code": 6018,
      "name": "wrongBondVault",
      "msg": "Not the bond vault: the token account at the bond vault's address, with its token program"
    },
    {
      "code": 6019,
      "name": "wrongBondMint",
      "msg": "Bonds are in OPEN: the mint or token account is of another mint"
    },
    {
      "code": 6020,
      "name": "wrongBondTokenAccount",
      "msg": "The bond's token account must be an OPEN token account of the contributor (or of the treasury)"
    },
    {
      "code": 6021,
      "name": "wrongPayoutConfig",
      "msg": "Not attribution_payout's config"
    },
    {
      "code": 6022,
      "name": "invalidBondPolicy",
      "msg": "A spam window is at most MAX_SPAM_WINDOW_SECS (30 days)"
    },
    {
      "code": 6023,
      "name": "notFlaggable",
      "msg": "Only a pending contribution, or an accepted one in no version yet and within its spam window, can be flagged"
    },
    {
      "code": 6024,
      "name": "noBond",
      "msg": "This contribution has no bond waiting in the vault"
    },
    {
      "code": 6025,
      "name": "bondNotRefundable",
      "msg": "The bond stays until the contribution is rejected, in a version, or past its spam window"
    },
    {
      "code": 6026,
      "name": "attestorAlreadyApproved",
      "msg": "This attestor is already approved for this datanet"
    },
    {
      "code": 6027,
      "name": "wrongRentPayer",
      "msg": "The rent goes back to whoever paid it"
    }
  ],
  "types": [
    {
      "name": "attestorApproval",
      "docs": [
        "The datanet's curator allows `attestor` to attest the datanet's share of the models that cite",
        "it with a proof-attributed entry: `attribution_payout` takes a root for such an epoch only from",
        "an attestor the datanet approves (the model owner names the attestor; the curator allows it).",
        "PDA `[SEED_ATTESTOR_APPROVAL, datanet, attestor]`; created by `datanet_attestor_approve` (the",
        "curator pays the rent), closed by `datanet_attestor_revoke` (the rent back to who paid it)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "approvedAt",
            "type": "i64"
          },
          {
            "name": "rentPayer",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "attestorApproved",
      "docs": [
        "The curator allowed `attestor` to post Proof of Attribution roots for the datanet's share."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "curator",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "attestorRevoked",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "attestor",
            "type": "pubkey"
          },
          {
            "name": "rentReturned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "bondPolicy",
      "docs": [
        "What a submission puts at stake, and how long the curator may flag an accepted contribution",
        "as spam. Applies to contributions submitted (for the window: accepted) from when it is set."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "amount",
            "docs": [
              "OPEN base units every submission posts into the bond vault; 0 for none."
            ],
            "type": "u64"
          },
          {
            "name": "spamWindowSecs",
            "docs": [
              "How long after its acceptance a contribution that is in no version yet can be flagged as",
              "spam; 0 for never (a pending one can always be flagged). At most `MAX_SPAM_WINDOW_SECS`."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "bondRefunded",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "to",
            "docs": [
              "The contributor's token account it went to."
            ],
            "type": "pubkey"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "bondVaultCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "bondVault",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "contribution",
      "docs": [
        "One piece of content submitted to a datanet.",
        "PDA `[SEED_CONTRIBUTION, datanet, content_hash]`, so the same content cannot be submitted to",
        "the same datanet twice while the account exists."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "docs": [
              "Who submitted it (or was handed it), receives its rent back and is paid for it."
            ],
            "type": "pubkey"
          },
          {
            "name": "contentHash",
            "docs": [
              "SHA-256 of the content."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "size",
            "docs": [
              "Content size in bytes, as declared by the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "weight",
            "docs": [
              "Attribution weight; above zero exactly when accepted."
            ],
            "type": "u64"
          },
          {
            "name": "rejectReason",
            "docs": [
              "The curator's reason code when rejected (its meaning is the datanet's own); 0 otherwise."
            ],
            "type": "u16"
          },
          {
            "name": "index",
            "docs": [
              "0-based order of submission within the datanet."
            ],
            "type": "u64"
          },
          {
            "name": "submittedAt",
            "type": "i64"
          },
          {
            "name": "decidedAt",
            "docs": [
              "When accepted or rejected; 0 while pending."
            ],
            "type": "i64"
          },
          {
            "name": "acceptedSeq",
            "docs": [
              "0-based order of acceptance within the datanet (meaningful once accepted). A version",
              "contains exactly the accepted contributions whose `accepted_seq` is below its `accepted_end`."
            ],
            "type": "u64"
          },
          {
            "name": "pendingContributor",
            "docs": [
              "Set by `contribution_transfer_propose`, cleared when accepted: the wallet the contributor",
              "hands the contribution (and what it earns) to."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "bond",
            "docs": [
              "OPEN base units of bond still in the bond vault for it: set at submission by the",
              "datanet's policy, zeroed when the bond is refunded or forfeited."
            ],
            "type": "u64"
          },
          {
            "name": "flaggableUntil",
            "docs": [
              "Until when (exclusive) the curator may flag it as spam once accepted: its acceptance plus",
              "the datanet's spam window, as it was then."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                8
              ]
            }
          },
          {
            "name": "uri",
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "contributionFlagged",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "previousStatus",
            "docs": [
              "Its status before: Pending, or Accepted within its spam window."
            ],
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "weightRemoved",
            "docs": [
              "The weight taken out of the datanet's total (0 for a pending one)."
            ],
            "type": "u64"
          },
          {
            "name": "bondForfeited",
            "docs": [
              "OPEN base units of bond sent to the treasury."
            ],
            "type": "u64"
          },
          {
            "name": "totalAcceptedWeight",
            "docs": [
              "The datanet's total accepted weight after this flag."
            ],
            "type": "u64"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "contributionReviewed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "status",
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "weight",
            "type": "u64"
          },
          {
            "name": "rejectReason",
            "type": "u16"
          },
          {
            "name": "totalAcceptedWeight",
            "docs": [
              "The datanet's total accepted weight after this decision."
            ],
            "type": "u64"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "contributionStatus",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "pending"
          },
          {
            "name": "accepted"
          },
          {
            "name": "rejected"
          },
          {
            "name": "flagged"
          }
        ]
      }
    },
    {
      "name": "contributionSubmitArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "contentHash",
            "docs": [
              "SHA-256 of the content; names the contribution's PDA within the datanet."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "uri",
            "docs": [
              "Where the content can be fetched."
            ],
            "type": "string"
          },
          {
            "name": "size",
            "docs": [
              "Content size in bytes; above zero."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "contributionSubmitted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "contentHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "size",
            "type": "u64"
          },
          {
            "name": "index",
            "type": "u64"
          },
          {
            "name": "status",
            "docs": [
              "`Accepted` at once in an open datanet, `Pending` in a curated one."
            ],
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "weight",
            "type": "u64"
          },
          {
            "name": "bond",
            "docs": [
              "OPEN base units posted as its bond (0 when the datanet requires none)."
            ],
            "type": "u64"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "contributionTransferAccepted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "contributionTransferProposed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "proposed",
            "docs": [
              "`None` when a pending proposal was cancelled."
            ],
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "contributionWithdrawn",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "contribution",
            "type": "pubkey"
          },
          {
            "name": "contributor",
            "type": "pubkey"
          },
          {
            "name": "contentHash",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "status",
            "docs": [
              "Pending (withdrawn before review), or Rejected or Flagged (cleared away after it)."
            ],
            "type": {
              "defined": {
                "name": "contributionStatus"
              }
            }
          },
          {
            "name": "by",
            "docs": [
              "Who closed it: the contributor, or the curator clearing a rejected or flagged one."
            ],
            "type": "pubkey"
          },
          {
            "name": "rentReturned",
            "docs": [
              "Lamports returned to the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "bondReturned",
            "docs": [
              "OPEN base units of bond returned to the contributor."
            ],
            "type": "u64"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "datanet",
      "docs": [
        "A curated collection of contributions. PDA `[SEED_DATANET, creator, id (u64 LE)]`.",
        "Fixed-size fields come first so that indexers can filter on them at fixed offsets."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Account layout version."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "creator",
            "docs": [
              "Who created it; part of the seeds, never changes."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "The creator's identifier for it; part of the seeds."
            ],
            "type": "u64"
          },
          {
            "name": "authority",
            "docs": [
              "The curator: reviews contributions, publishes versions, updates the datanet."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingAuthority",
            "docs": [
              "Set by `datanet_authority_propose`, cleared when accepted."
            ],
            "type": {
              "option": "pubkey"
            }
          },
          {
            "name": "policy",
            "type": {
              "defined": {
                "name": "datanetPolicy"
              }
            }
          },
          {
            "name": "bond",
            "type": {
              "defined": {
                "name": "bondPolicy"
              }
            }
          },
          {
            "name": "submitted",
            "docs": [
              "Contributions ever submitted (withdrawn ones included). `withdrawn` counts those taken",
              "back while pending; a rejected one cleared away stays counted in `rejected`."
            ],
            "type": "u64"
          },
          {
            "name": "accepted",
            "type": "u64"
          },
          {
            "name": "rejected",
            "type": "u64"
          },
          {
            "name": "withdrawn",
            "type": "u64"
          },
          {
            "name": "flaggedAccepted",
            "docs": [
              "Contributions flagged as spam: `flagged_accepted` of them after acceptance (still counted",
              "in `accepted`, whose count orders acceptances), the others while pending (counted in",
              "`rejected`)."
            ],
            "type": "u64"
          },
          {
            "name": "totalAcceptedWeight",
            "docs": [
              "Sum of the weights of the accepted contributions (flagged ones excluded)."
            ],
            "type": "u64"
          },
          {
            "name": "versions",
            "docs": [
              "Number of published versions; the next one is `versions + 1`."
            ],
            "type": "u32"
          },
          {
            "name": "versionedEnd",
            "docs": [
              "`accepted` when the latest version was published: a contribution with a lower",
              "`accepted_seq` is in a version, and can no longer be flagged."
            ],
            "type": "u64"
          },
          {
            "name": "createdAt",
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "datanetAuthorityAccepted",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "previous",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "datanetAuthorityProposed",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "proposed",
            "docs": [
              "`None` when a pending proposal was cancelled."
            ],
            "type": {
              "option": "pubkey"
            }
          }
        ]
      }
    },
    {
      "name": "datanetCreateArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "id",
            "docs": [
              "Any number the creator has not used yet; with the creator, it names the datanet's PDA."
            ],
            "type": "u64"
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "policy",
            "type": {
              "defined": {
                "name": "datanetPolicy"
              }
            }
          },
          {
            "name": "bond",
            "docs": [
              "The bond each submission posts and the spam window (`BondPolicy::default()` for neither)."
            ],
            "type": {
              "defined": {
                "name": "bondPolicy"
              }
            }
          }
        ]
      }
    },
    {
      "name": "datanetCreated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "policy",
            "type": {
              "defined": {
                "name": "datanetPolicy"
              }
            }
          },
          {
            "name": "bond",
            "type": {
              "defined": {
                "name": "bondPolicy"
              }
            }
          },
          {
            "name": "name",
            "type": "string"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "datanetPolicy",
      "docs": [
        "How a datanet decides on contributions."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "curated"
          },
          {
            "name": "open",
            "fields": [
              {
                "name": "weight",
                "type": "u64"
              }
            ]
          }
        ]
      }
    },
    {
      "name": "datanetUpdateArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "uri",
            "docs": [
              "New metadata URI, if it changes."
            ],
            "type": {
              "option": "string"
            }
          },
          {
            "name": "policy",
            "docs": [
              "New policy, if it changes; it applies to contributions submitted from now on."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "datanetPolicy"
                }
              }
            }
          },
          {
            "name": "bond",
            "docs": [
              "New bond policy, if it changes: the amount applies to submissions from now on, the spam",
              "window to acceptances from now on."
            ],
            "type": {
              "option": {
                "defined": {
                  "name": "bondPolicy"
                }
              }
            }
          }
        ]
      }
    },
    {
      "name": "datanetUpdated",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "policy",
            "type": {
              "defined": {
                "name": "datanetPolicy"
              }
            }
          },
          {
            "name": "bond",
            "type": {
              "defined": {
                "name": "bondPolicy"
              }
            }
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "datanetVersionPublishArgs",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "number",
            "docs": [
              "The next version number: the datanet's `versions + 1`."
            ],
            "type": "u32"
          },
          {
            "name": "contributionsRoot",
            "docs": [
              "Merkle root over the manifest of the contributions the version contains: every",
              "contribution accepted so far (the chain fixes the set and its total weight)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "uri",
            "docs": [
              "Where the version's manifest is published."
            ],
            "type": "string"
          }
        ]
      }
    },
    {
      "name": "datanetVersionPublished",
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "datanet",
            "type": "pubkey"
          },
          {
            "name": "datanetVersion",
            "type": "pubkey"
          },
          {
            "name": "number",
            "type": "u32"
          },
          {
            "name": "contributionsRoot",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "contributionCount",
            "type": "u64"
          },
          {
            "name": "totalWeight",
            "docs": [
              "The fixed denominator of every fee paid to this version."
            ],
            "type": "u64"
          },
          {
            "name": "uri",
            "type": "string"
          },
          {
            "name": "timestamp",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "reviewDecision",
      "docs": [
        "The curator's decision on a pending contribution. Final either way."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "accept",
            "fields": [
              {
                "name": "weight",
                "type": "u64"
              }
            ]
          },
          {
            "name": "reject",
            "fields": [
              {
                "name": "reason",
                "type": "u16"
              }
            ]
          }
        ]
      }
    }
  ]
};

/** idls/datanet_registry.json as committed (snake_case): `Program` converts it itself. */
export const datanetRegistryIdlJson = {"address":"DKoaReFZ2bj4QA82KJfpYn4cM8uYn4vhxhDNzC8TkoLf","metadata":{"name":"datanet_registry","version":"0.1.0","spec":"0.1.0","description":"Datanets and their contributions: who contributed what, and was it accepted"},"instructions":[{"name":"bond_vault_init","docs":["Creates the bond vault (once, by anyone) with `attribution_payout`'s OPEN mint."],"discriminator":[106,68,189,30,143,13,216,212],"accounts":[{"name":"payout_config","pda":{"seeds":[{"kind":"const","value":[99,111,110,102,105,103]}],"program":{"kind":"const","value":[147,53,186,98,175,35,84,72,49,165,137,139,99,2,181,123,122,192,148,244,87,65,11,120,205,59,120,154,97,226,233,141]}}},{"name":"bond_vault","writable":true,"pda":{"seeds":[{"kind":"const","value":[98,111,110,100,95,118,97,117,108,116]}]}},{"name":"mint"},{"name":"payer","writable":true,"signer":true},{"name":"token_program"},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[]},{"name":"contribution_bond_refund","docs":["Returns a contribution's bond to its contributor once it can no longer be forfeited."],"discriminator":[82,206,41,244,65,253,107,233],"accounts":[{"name":"datanet","relations":["contribution"]},{"name":"contribution","writable":true},{"name":"bond_vault","writable":true},{"name":"contributor_token","writable":true},{"name":"mint"},{"name":"token_program"}],"args":[]},{"name":"contribution_flag_spam","docs":["The curator flags a contribution as spam (pending, or accepted, in no version yet and","within its spam window): it is in no version, and its bond goes to the treasury."],"discriminator":[51,240,178,211,103,8,236,232],"accounts":[{"name":"datanet","writable":true,"relations":["contribution"]},{"name":"contribution","writable":true},{"name":"authority","signer":true,"relations":["datanet"]},{"name":"payout_config","docs":["a bond is forfeited."],"optional":true,"pda":{"seeds":[{"kind":"const","value":[99,111,110,102,105,103]}],"program":{"kind":"const","value":[147,53,186,98,175,35,84,72,49,165,137,139,99,2,181,123,122,192,148,244,87,65,11,120,205,59,120,154,97,226,233,141]}}},{"name":"bond_vault","writable":true,"optional":true},{"name":"treasury_token","writable":true,"optional":true},{"name":"mint","optional":true},{"name":"token_program","optional":true}],"args":[]},{"name":"contribution_review","docs":["Accepts (with a weight) or rejects (with a reason) a pending contribution. Final."],"discriminator":[9,50,111,71,61,94,41,86],"accounts":[{"name":"datanet","writable":true,"relations":["contribution"]},{"name":"contribution","writable":true},{"name":"authority","signer":true,"relations":["datanet"]}],"args":[{"name":"decision","type":{"defined":{"name":"ReviewDecision"}}}]},{"name":"contribution_submit","docs":["Submits content (by its SHA-256) to a datanet; pending, or accepted at once if open."],"discriminator":[57,107,170,125,181,65,36,153],"accounts":[{"name":"datanet","writable":true},{"name":"contribution","docs":["duplicate: Anchor's `init` would fail with the system program's bare \"already in use\"."],"writable":true,"pda":{"seeds":[{"kind":"const","value":[99,111,110,116,114,105,98,117,116,105,111,110]},{"kind":"account","path":"datanet"},{"kind":"arg","path":"args.content_hash"}]}},{"name":"contributor","docs":["Signs, pays the rent (and the bond), and is paid for the contribution."],"writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"},{"name":"bond_vault","writable":true,"optional":true},{"name":"contributor_token","writable":true,"optional":true},{"name":"mint","optional":true},{"name":"token_program","optional":true}],"args":[{"name":"args","type":{"defined":{"name":"ContributionSubmitArgs"}}}]},{"name":"contribution_transfer_accept","docs":["The proposed wallet becomes the contribution's contributor."],"discriminator":[164,243,142,89,80,20,133,24],"accounts":[{"name":"contribution","writable":true},{"name":"new_contributor","signer":true}],"args":[]},{"name":"contribution_transfer_propose","docs":["Names the wallet the contribution is handed to (or cancels with `None`)."],"discriminator":[37,160,57,206,144,3,234,162],"accounts":[{"name":"contribution","writable":true},{"name":"contributor","signer":true,"relations":["contribution"]}],"args":[{"name":"new_contributor","type":{"option":"pubkey"}}]},{"name":"contribution_withdraw","docs":["Takes back a pending contribution, or clears away a rejected one (the contributor, or the","curator); its rent returns to the contributor. Accepted contributions are permanent."],"discriminator":[221,235,53,169,241,107,248,198],"accounts":[{"name":"datanet","writable":true,"relations":["contribution"]},{"name":"contribution","writable":true},{"name":"contributor","writable":true,"relations":["contribution"]},{"name":"signer","docs":["The contributor, or the datanet's curator for a rejected or flagged contribution."],"signer":true},{"name":"bond_vault","writable":true,"optional":true},{"name":"contributor_token","writable":true,"optional":true},{"name":"mint","optional":true},{"name":"token_program","optional":true}],"args":[]},{"name":"datanet_attestor_approve","docs":["The curator allows `attestor` to post Proof of Attribution roots for this datanet's share."],"discriminator":[161,120,31,108,21,134,80,90],"accounts":[{"name":"datanet"},{"name":"authority","writable":true,"signer":true,"relations":["datanet"]},{"name":"approval","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,111,114,95,97,112,112,114,111,118,97,108]},{"kind":"account","path":"datanet"},{"kind":"arg","path":"attestor"}]}},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"attestor","type":"pubkey"}]},{"name":"datanet_attestor_revoke","docs":["The curator withdraws an attestor's approval (rent back to who paid it)."],"discriminator":[33,198,175,176,173,173,206,74],"accounts":[{"name":"datanet","relations":["approval"]},{"name":"authority","signer":true,"relations":["datanet"]},{"name":"approval","writable":true,"pda":{"seeds":[{"kind":"const","value":[97,116,116,101,115,116,111,114,95,97,112,112,114,111,118,97,108]},{"kind":"account","path":"datanet"},{"kind":"account","path":"approval.attestor","account":"AttestorApproval"}]}},{"name":"rent_payer","writable":true,"relations":["approval"]}],"args":[]},{"name":"datanet_authority_accept","docs":["The proposed authority takes over."],"discriminator":[109,177,191,106,150,128,226,140],"accounts":[{"name":"datanet","writable":true},{"name":"new_authority","signer":true}],"args":[]},{"name":"datanet_authority_propose","docs":["Names the next authority (or cancels with `None`); it takes effect when accepted."],"discriminator":[9,18,184,46,117,70,96,107],"accounts":[{"name":"datanet","writable":true},{"name":"authority","signer":true,"relations":["datanet"]}],"args":[{"name":"new_authority","type":{"option":"pubkey"}}]},{"name":"datanet_create","docs":["Creates a datanet owned by its creator, who becomes its curator."],"discriminator":[119,80,74,62,237,26,222,129],"accounts":[{"name":"datanet","writable":true,"pda":{"seeds":[{"kind":"const","value":[100,97,116,97,110,101,116]},{"kind":"account","path":"creator"},{"kind":"arg","path":"args.id"}]}},{"name":"creator","docs":["Pays the rent and becomes the datanet's first authority (curator)."],"writable":true,"signer":true},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"DatanetCreateArgs"}}}]},{"name":"datanet_update","docs":["Changes a datanet's metadata URI and/or policy (authority only)."],"discriminator":[66,38,253,70,180,174,243,143],"accounts":[{"name":"datanet","writable":true},{"name":"authority","signer":true,"relations":["datanet"]}],"args":[{"name":"args","type":{"defined":{"name":"DatanetUpdateArgs"}}}]},{"name":"datanet_version_publish","docs":["Publishes an immutable version of the datanet that models can cite."],"discriminator":[246,160,156,203,226,168,232,89],"accounts":[{"name":"datanet","writable":true},{"name":"datanet_version","writable":true,"pda":{"seeds":[{"kind":"const","value":[100,97,116,97,110,101,116,95,118,101,114,115,105,111,110]},{"kind":"account","path":"datanet"},{"kind":"arg","path":"args.number"}]}},{"name":"authority","writable":true,"signer":true,"relations":["datanet"]},{"name":"system_program","address":"11111111111111111111111111111111"}],"args":[{"name":"args","type":{"defined":{"name":"DatanetVersionPublishArgs"}}}]}],"accounts":[{"name":"AttestorApproval","discriminator":[64,92,42,203,176,99,64,234]},{"name":"Contribution","discriminator":[182,187,14,111,72,167,242,212]},{"name":"Datanet","discriminator":[12,188,122,218,109,14,36,17]}],"events":[{"name":"AttestorApproved","discriminator":[38,101,148,239,51,101,150,181]},{"name":"AttestorRevoked","discriminator":[43,114,48,146,162,21,111,6]},{"name":"BondRefunded","discriminator":[52,32,75,36,37,139,123,17]},{"name":"BondVaultCreated","discriminator":[27,226,216,42,205,41,127,80]},{"name":"ContributionFlagged","discriminator":[1,59,33,74,53,119,78,57]},{"name":"ContributionReviewed","discriminator":[57,15,231,133,11,254,3,23]},{"name":"ContributionSubmitted","discriminator":[233,209,91,212,239,41,224,118]},{"name":"ContributionTransferAccepted","discriminator":[68,64,61,150,126,124,203,4]},{"name":"ContributionTransferProposed","discriminator":[209,40,226,24,175,195,188,208]},{"name":"ContributionWithdrawn","discriminator":[124,236,51,5,29,2,142,62]},{"name":"DatanetAuthorityAccepted","discriminator":[120,214,118,251,228,210,213,131]},{"name":"DatanetAuthorityProposed","discriminator":[208,45,34,106,110,26,38,127]},{"name":"DatanetCreated","discriminator":[234,231,206,140,2,63,232,3]},{"name":"DatanetUpdated","discriminator":[6,73,63,199,13,23,12,79]},{"name":"DatanetVersionPublished","discriminator":[136,86,31,190,150,21,243,103]}],"errors":[{"code":6000,"name":"InvalidName","msg":"Name is empty or longer than 64 bytes"},{"code":6001,"name":"InvalidUri","msg":"URI is empty or longer than 200 bytes"},{"code":6002,"name":"InvalidPolicy","msg":"An open datanet needs a default weight above zero"},{"code":6003,"name":"NotAuthority","msg":"Only the datanet's authority may do this"},{"code":6004,"name":"NoPendingAuthority","msg":"No authority transfer is pending for this signer"},{"code":6005,"name":"DuplicateContribution","msg":"This content was already submitted to this datanet"},{"code":6006,"name":"EmptyContent","msg":"Content size must be above zero"},{"code":6007,"name":"NotPending","msg":"The contribution is not pending: decisions are final"},{"code":6008,"name":"NotContributor","msg":"Only the contributor may withdraw a contribution; the curator may clear only a rejected one"},{"code":6009,"name":"ZeroWeight","msg":"An accepted contribution needs a weight above zero"},{"code":6010,"name":"EmptyVersion","msg":"A version must contain at least one accepted contribution"},{"code":6011,"name":"WrongVersionNumber","msg":"Version numbers are consecutive: publish the next number"},{"code":6012,"name":"Overflow","msg":"Arithmetic overflow"},{"code":6013,"name":"AcceptedIsPermanent","msg":"An accepted contribution is permanent: its weight backs payouts"},{"code":6014,"name":"WeightTooHigh","msg":"A contribution's weight is at most MAX_CONTRIBUTION_WEIGHT (10^9)"},{"code":6015,"name":"WrongContributor","msg":"The account passed is not the contribution's contributor"},{"code":6016,"name":"NoPendingContributor","msg":"No transfer of this contribution is pending for this signer"},{"code":6017,"name":"BondAccountsMissing","msg":"This bond needs its accounts: the bond vault, the token account, the OPEN mint and the token program"},{"code":6018,"name":"WrongBondVault","msg":"Not the bond vault: the token account at the bond vault's address, with its token program"},{"code":6019,"name":"WrongBondMint","msg":"Bonds are in OPEN: the mint or token account is of another mint"},{"code":6020,"name":"WrongBondTokenAccount","msg":"The bond's token account must be an OPEN token account of the contributor (or of the treasury)"},{"code":6021,"name":"WrongPayoutConfig","msg":"Not attribution_payout's config"},{"code":6022,"name":"InvalidBondPolicy","msg":"A spam window is at most MAX_SPAM_WINDOW_SECS (30 days)"},{"code":6023,"name":"NotFlaggable","msg":"Only a pending contribution, or an accepted one in no version yet and within its spam window, can be flagged"},{"code":6024,"name":"NoBond","msg":"This contribution has no bond waiting in the vault"},{"code":6025,"name":"BondNotRefundable","msg":"The bond stays until the contribution is rejected, in a version, or past its spam window"},{"code":6026,"name":"AttestorAlreadyApproved","msg":"This attestor is already approved for this datanet"},{"code":6027,"name":"WrongRentPayer","msg":"The rent goes back to whoever paid it"}],"types":[{"name":"AttestorApproval","docs":["The datanet's curator allows `attestor` to attest the datanet's share of the models that cite","it with a proof-attributed entry: `attribution_payout` takes a root for such an epoch only from","an attestor the datanet approves (the model owner names the attestor; the curator allows it).","PDA `[SEED_ATTESTOR_APPROVAL, datanet, attestor]`; created by `datanet_attestor_approve` (the","curator pays the rent), closed by `datanet_attestor_revoke` (the rent back to who paid it)."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"datanet","type":"pubkey"},{"name":"attestor","type":"pubkey"},{"name":"approved_at","type":"i64"},{"name":"rent_payer","type":"pubkey"}]}},{"name":"AttestorApproved","docs":["The curator allowed `attestor` to post Proof of Attribution roots for the datanet's share."],"type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"attestor","type":"pubkey"},{"name":"curator","type":"pubkey"}]}},{"name":"AttestorRevoked","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"attestor","type":"pubkey"},{"name":"rent_returned","type":"u64"}]}},{"name":"BondPolicy","docs":["What a submission puts at stake, and how long the curator may flag an accepted contribution","as spam. Applies to contributions submitted (for the window: accepted) from when it is set."],"type":{"kind":"struct","fields":[{"name":"amount","docs":["OPEN base units every submission posts into the bond vault; 0 for none."],"type":"u64"},{"name":"spam_window_secs","docs":["How long after its acceptance a contribution that is in no version yet can be flagged as","spam; 0 for never (a pending one can always be flagged). At most `MAX_SPAM_WINDOW_SECS`."],"type":"i64"}]}},{"name":"BondRefunded","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"amount","type":"u64"},{"name":"to","docs":["The contributor's token account it went to."],"type":"pubkey"},{"name":"timestamp","type":"i64"}]}},{"name":"BondVaultCreated","type":{"kind":"struct","fields":[{"name":"bond_vault","type":"pubkey"},{"name":"mint","type":"pubkey"},{"name":"token_program","type":"pubkey"}]}},{"name":"Contribution","docs":["One piece of content submitted to a datanet.","PDA `[SEED_CONTRIBUTION, datanet, content_hash]`, so the same content cannot be submitted to","the same datanet twice while the account exists."],"type":{"kind":"struct","fields":[{"name":"version","type":"u8"},{"name":"bump","type":"u8"},{"name":"datanet","type":"pubkey"},{"name":"contributor","docs":["Who submitted it (or was handed it), receives its rent back and is paid for it."],"type":"pubkey"},{"name":"content_hash","docs":["SHA-256 of the content."],"type":{"array":["u8",32]}},{"name":"size","docs":["Content size in bytes, as declared by the contributor."],"type":"u64"},{"name":"status","type":{"defined":{"name":"ContributionStatus"}}},{"name":"weight","docs":["Attribution weight; above zero exactly when accepted."],"type":"u64"},{"name":"reject_reason","docs":["The curator's reason code when rejected (its meaning is the datanet's own); 0 otherwise."],"type":"u16"},{"name":"index","docs":["0-based order of submission within the datanet."],"type":"u64"},{"name":"submitted_at","type":"i64"},{"name":"decided_at","docs":["When accepted or rejected; 0 while pending."],"type":"i64"},{"name":"accepted_seq","docs":["0-based order of acceptance within the datanet (meaningful once accepted). A version","contains exactly the accepted contributions whose `accepted_seq` is below its `accepted_end`."],"type":"u64"},{"name":"pending_contributor","docs":["Set by `contribution_transfer_propose`, cleared when accepted: the wallet the contributor","hands the contribution (and what it earns) to."],"type":{"option":"pubkey"}},{"name":"bond","docs":["OPEN base units of bond still in the bond vault for it: set at submission by the","datanet's policy, zeroed when the bond is refunded or forfeited."],"type":"u64"},{"name":"flaggable_until","docs":["Until when (exclusive) the curator may flag it as spam once accepted: its acceptance plus","the datanet's spam window, as it was then."],"type":"i64"},{"name":"reserved","type":{"array":["u8",8]}},{"name":"uri","type":"string"}]}},{"name":"ContributionFlagged","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"previous_status","docs":["Its status before: Pending, or Accepted within its spam window."],"type":{"defined":{"name":"ContributionStatus"}}},{"name":"weight_removed","docs":["The weight taken out of the datanet's total (0 for a pending one)."],"type":"u64"},{"name":"bond_forfeited","docs":["OPEN base units of bond sent to the treasury."],"type":"u64"},{"name":"total_accepted_weight","docs":["The datanet's total accepted weight after this flag."],"type":"u64"},{"name":"timestamp","type":"i64"}]}},{"name":"ContributionReviewed","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"status","type":{"defined":{"name":"ContributionStatus"}}},{"name":"weight","type":"u64"},{"name":"reject_reason","type":"u16"},{"name":"total_accepted_weight","docs":["The datanet's total accepted weight after this decision."],"type":"u64"},{"name":"timestamp","type":"i64"}]}},{"name":"ContributionStatus","type":{"kind":"enum","variants":[{"name":"Pending"},{"name":"Accepted"},{"name":"Rejected"},{"name":"Flagged"}]}},{"name":"ContributionSubmitArgs","type":{"kind":"struct","fields":[{"name":"content_hash","docs":["SHA-256 of the content; names the contribution's PDA within the datanet."],"type":{"array":["u8",32]}},{"name":"uri","docs":["Where the content can be fetched."],"type":"string"},{"name":"size","docs":["Content size in bytes; above zero."],"type":"u64"}]}},{"name":"ContributionSubmitted","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"content_hash","type":{"array":["u8",32]}},{"name":"size","type":"u64"},{"name":"index","type":"u64"},{"name":"status","docs":["`Accepted` at once in an open datanet, `Pending` in a curated one."],"type":{"defined":{"name":"ContributionStatus"}}},{"name":"weight","type":"u64"},{"name":"bond","docs":["OPEN base units posted as its bond (0 when the datanet requires none)."],"type":"u64"},{"name":"uri","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"ContributionTransferAccepted","type":{"kind":"struct","fields":[{"name":"contribution","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"contributor","type":"pubkey"}]}},{"name":"ContributionTransferProposed","type":{"kind":"struct","fields":[{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"proposed","docs":["`None` when a pending proposal was cancelled."],"type":{"option":"pubkey"}}]}},{"name":"ContributionWithdrawn","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"contribution","type":"pubkey"},{"name":"contributor","type":"pubkey"},{"name":"content_hash","type":{"array":["u8",32]}},{"name":"status","docs":["Pending (withdrawn before review), or Rejected or Flagged (cleared away after it)."],"type":{"defined":{"name":"ContributionStatus"}}},{"name":"by","docs":["Who closed it: the contributor, or the curator clearing a rejected or flagged one."],"type":"pubkey"},{"name":"rent_returned","docs":["Lamports returned to the contributor."],"type":"u64"},{"name":"bond_returned","docs":["OPEN base units of bond returned to the contributor."],"type":"u64"},{"name":"timestamp","type":"i64"}]}},{"name":"Datanet","docs":["A curated collection of contributions. PDA `[SEED_DATANET, creator, id (u64 LE)]`.","Fixed-size fields come first so that indexers can filter on them at fixed offsets."],"type":{"kind":"struct","fields":[{"name":"version","docs":["Account layout version."],"type":"u8"},{"name":"bump","type":"u8"},{"name":"creator","docs":["Who created it; part of the seeds, never changes."],"type":"pubkey"},{"name":"id","docs":["The creator's identifier for it; part of the seeds."],"type":"u64"},{"name":"authority","docs":["The curator: reviews contributions, publishes versions, updates the datanet."],"type":"pubkey"},{"name":"pending_authority","docs":["Set by `datanet_authority_propose`, cleared when accepted."],"type":{"option":"pubkey"}},{"name":"policy","type":{"defined":{"name":"DatanetPolicy"}}},{"name":"bond","type":{"defined":{"name":"BondPolicy"}}},{"name":"submitted","docs":["Contributions ever submitted (withdrawn ones included). `withdrawn` counts those taken","back while pending; a rejected one cleared away stays counted in `rejected`."],"type":"u64"},{"name":"accepted","type":"u64"},{"name":"rejected","type":"u64"},{"name":"withdrawn","type":"u64"},{"name":"flagged_accepted","docs":["Contributions flagged as spam: `flagged_accepted` of them after acceptance (still counted","in `accepted`, whose count orders acceptances), the others while pending (counted in","`rejected`)."],"type":"u64"},{"name":"total_accepted_weight","docs":["Sum of the weights of the accepted contributions (flagged ones excluded)."],"type":"u64"},{"name":"versions","docs":["Number of published versions; the next one is `versions + 1`."],"type":"u32"},{"name":"versioned_end","docs":["`accepted` when the latest version was published: a contribution with a lower","`accepted_seq` is in a version, and can no longer be flagged."],"type":"u64"},{"name":"created_at","type":"i64"},{"name":"reserved","type":{"array":["u8",32]}},{"name":"name","type":"string"},{"name":"uri","type":"string"}]}},{"name":"DatanetAuthorityAccepted","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"previous","type":"pubkey"},{"name":"authority","type":"pubkey"}]}},{"name":"DatanetAuthorityProposed","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"authority","type":"pubkey"},{"name":"proposed","docs":["`None` when a pending proposal was cancelled."],"type":{"option":"pubkey"}}]}},{"name":"DatanetCreateArgs","type":{"kind":"struct","fields":[{"name":"id","docs":["Any number the creator has not used yet; with the creator, it names the datanet's PDA."],"type":"u64"},{"name":"name","type":"string"},{"name":"uri","type":"string"},{"name":"policy","type":{"defined":{"name":"DatanetPolicy"}}},{"name":"bond","docs":["The bond each submission posts and the spam window (`BondPolicy::default()` for neither)."],"type":{"defined":{"name":"BondPolicy"}}}]}},{"name":"DatanetCreated","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"creator","type":"pubkey"},{"name":"id","type":"u64"},{"name":"authority","type":"pubkey"},{"name":"policy","type":{"defined":{"name":"DatanetPolicy"}}},{"name":"bond","type":{"defined":{"name":"BondPolicy"}}},{"name":"name","type":"string"},{"name":"uri","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"DatanetPolicy","docs":["How a datanet decides on contributions."],"type":{"kind":"enum","variants":[{"name":"Curated"},{"name":"Open","fields":[{"name":"weight","type":"u64"}]}]}},{"name":"DatanetUpdateArgs","type":{"kind":"struct","fields":[{"name":"uri","docs":["New metadata URI, if it changes."],"type":{"option":"string"}},{"name":"policy","docs":["New policy, if it changes; it applies to contributions submitted from now on."],"type":{"option":{"defined":{"name":"DatanetPolicy"}}}},{"name":"bond","docs":["New bond policy, if it changes: the amount applies to submissions from now on, the spam","window to acceptances from now on."],"type":{"option":{"defined":{"name":"BondPolicy"}}}}]}},{"name":"DatanetUpdated","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"policy","type":{"defined":{"name":"DatanetPolicy"}}},{"name":"bond","type":{"defined":{"name":"BondPolicy"}}},{"name":"uri","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"DatanetVersionPublishArgs","type":{"kind":"struct","fields":[{"name":"number","docs":["The next version number: the datanet's `versions + 1`."],"type":"u32"},{"name":"contributions_root","docs":["Merkle root over the manifest of the contributions the version contains: every","contribution accepted so far (the chain fixes the set and its total weight)."],"type":{"array":["u8",32]}},{"name":"uri","docs":["Where the version's manifest is published."],"type":"string"}]}},{"name":"DatanetVersionPublished","type":{"kind":"struct","fields":[{"name":"datanet","type":"pubkey"},{"name":"datanet_version","type":"pubkey"},{"name":"number","type":"u32"},{"name":"contributions_root","type":{"array":["u8",32]}},{"name":"contribution_count","type":"u64"},{"name":"total_weight","docs":["The fixed denominator of every fee paid to this version."],"type":"u64"},{"name":"uri","type":"string"},{"name":"timestamp","type":"i64"}]}},{"name":"ReviewDecision","docs":["The curator's decision on a pending contribution. Final either way."],"type":{"kind":"enum","variants":[{"name":"Accept","fields":[{"name":"weight","type":"u64"}]},{"name":"Reject","fields":[{"name":"reason","type":"u16"}]}]}}]} as const;

/** The IDL, typed for `new Program<DatanetRegistry>(...)`. */
export const datanetRegistryIdl = datanetRegistryIdlJson as unknown as DatanetRegistry;
