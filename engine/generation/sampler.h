// Choosing the next token from logits: a chain of small pure steps over a candidate
// list (repetition penalty → temperature → top-k → top-p → greedy or seeded random),
// in the spirit of llama.cpp's samplers.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

namespace inkling {

struct SamplingParams
{
    bool greedy = false;
    float temperature = 0.7f;
    int topK = 40;                  // the GPT-2 paper's choice; 0 disables
    float topP = 0.95f;             // 1 disables
    float repetitionPenalty = 1.1f; // 1 disables
    int repetitionWindow = 64;      // how many recent tokens the penalty looks at
    uint64_t seed = 0;
};

struct Candidate
{
    int id;
    float logit;
    float p = 0; // probability, valid after softmax()
};

namespace sampling {

std::vector<Candidate> candidates(std::span<const float> logits);
// CTRL-style: a positive logit of a recent token is divided by penalty, a negative one
// multiplied, so the token always becomes less likely.
void repetitionPenalty(std::vector<Candidate> &c, std::span<const int> recent, float penalty);
void temperature(std::vector<Candidate> &c, float t);
// Keeps the k most likely, sorted by logit, highest first (ties: lower id first).
void topK(std::vector<Candidate> &c, int k);
// Sorts by logit and fills p with the softmax.
void softmax(std::vector<Candidate> &c);
// Keeps the smallest prefix (by probability) whose mass reaches p, renormalised.
void topP(std::vector<Candidate> &c, float p);
int greedy(const std::vector<Candidate> &c);
// Draws by probability with a uniform u in [0, 1).
int draw(const std::vector<Candidate> &c, double u);

} // namespace sampling

class Sampler
{
public:
    explicit Sampler(const SamplingParams &params);

    // The next token after logits, given the tokens that came before (for the
    // penalty). allowed, when given, is called per candidate id to constrain the choice;
    // returns -1 when it rejects every token.
    int sample(std::span<const float> logits, std::span<const int> history,
               const std::function<bool(int)> &allowed = {});

private:
    SamplingParams m_params;
    std::mt19937_64 m_rng;
};

} // namespace inkling
